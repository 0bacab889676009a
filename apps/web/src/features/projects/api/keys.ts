/** The projects feature's query keys: every one starts with 'projects' so a change can refresh them all. */
export const projectKeys = {
  all: ['projects'] as const,
  club: (clubId: string) => ['projects', 'club', clubId] as const,
  project: (id: string) => ['projects', 'detail', id] as const,
  civicRecord: (communityId: string) => ['projects', 'civic-record', communityId] as const,
};
