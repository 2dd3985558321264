// A development step that is due, as the API's pipelineDue and nextActions answer it: one shape
// for the member page, the secretary's pipeline and the leader's overdue list.
export interface DueStep {
  stepNo: number;
  kind: string;
  nameZh: string;
  nameEn: string;
  dueOn: string;
  deadline: string | null;
  daysLeft: number;
  status: string;
}

/** A due step with the member it belongs to (lists across members). */
export interface DueItem extends DueStep {
  member: { id: string; name: string; orgUnit: { id?: string; name: string } };
}
