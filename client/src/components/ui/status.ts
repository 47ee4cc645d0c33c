/** Badge colours of questionnaire statuses, the same on every page. */
export const assessmentStatusColor: Record<string, string> = { draft: 'gray', sent: 'blue', in_progress: 'cyan', submitted: 'violet', returned: 'orange', completed: 'green', cancelled: 'dark' };
