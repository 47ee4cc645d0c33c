import { parseAnswerWorkbook } from '../assessments/offline-workbook';
import { readSpreadsheetGrid } from '../soa/read-spreadsheet';
import { importTemplateWorkbook } from '../templates/xlsx';

/** The spreadsheet readers that may run on a worker thread, by name; their arguments and results survive structured cloning. */
export const parseTasks = {
  soaGrid: readSpreadsheetGrid,
  templateWorkbook: importTemplateWorkbook,
  answerWorkbook: parseAnswerWorkbook,
};

export type ParseTask = keyof typeof parseTasks;
