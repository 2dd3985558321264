// A development step that is due, as the API's pipelineDue and nextActions answer it (the DueFields
// fragment): one shape for the member page, the secretary's pipeline and the leader's overdue list.
import type { DueFieldsFragment } from '../graphql/graphql';

export type DueStep = DueFieldsFragment;

/** A due step with the member it belongs to (lists across members). */
export interface DueItem extends DueStep {
  member: { id: string; name: string; orgUnit: { id?: string; name: string } };
}
