/** A small template with every answer type and a condition, for workflow tests. */
export const smallTemplate = {
  name: 'Delivery centre check',
  description: 'A short questionnaire for tests',
  sections: [
    {
      key: 'people',
      title: 'People',
      questions: [
        { key: 'screening', text: 'Are all agents background-checked before they access customer data?', guidance: 'Screening policy and a sample of completed checks.', answerType: 'yes_no', controlIds: ['6.1'], evidence: 'required' },
        {
          key: 'training-frequency',
          text: 'How often do agents complete security awareness training?',
          answerType: 'single_choice',
          controlIds: ['6.3'],
          options: [
            { key: 'yearly', label: 'At least yearly', credit: 1 },
            { key: 'onboarding', label: 'Only at onboarding', credit: 0.4 },
            { key: 'never', label: 'Not at all', credit: 0 },
          ],
        },
      ],
    },
    {
      key: 'remote',
      title: 'Remote work',
      questions: [
        { key: 'remote-allowed', text: 'Do agents work from home on this engagement?', answerType: 'yes_no', controlIds: ['6.7'], allowNa: false },
        {
          key: 'remote-controls',
          text: 'Which controls apply to home workers?',
          answerType: 'multiple_choice',
          controlIds: ['6.7', '8.1'],
          options: [
            { key: 'vdi', label: 'Virtual desktop only', credit: 1 },
            { key: 'camera', label: 'Clean-desk camera checks', credit: 0.5 },
            { key: 'none', label: 'No specific controls', credit: 0 },
          ],
          condition: { questionKey: 'remote-allowed', anyOf: ['yes', 'partial'] },
        },
        { key: 'last-review', text: 'When was the remote work policy last reviewed?', answerType: 'date', controlIds: ['5.1'] },
        { key: 'home-workers', text: 'How many agents work from home?', answerType: 'number', controlIds: [] },
        { key: 'notes', text: 'Anything else we should know?', answerType: 'text', controlIds: [] },
      ],
    },
  ],
};
