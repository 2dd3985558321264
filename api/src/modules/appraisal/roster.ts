// The roster of a campaign: the full and probationary members (ACTIVE) of the branch and its
// groups *as the records stood when the campaign opened*. It is read from the Member record
// documents in the outbox up to the campaign's opening record, so a member who joins, moves or
// is promoted later does not change who is appraised, nothing has to be copied at opening, and
// a verifier can recompute the roster from anchored records. Before opening (DRAFT) the roster
// is the prospective one: the latest record of each member.
import type { AppraisalCampaign, MemberStage } from '@lianjian/db';
import type { Tx } from '../../shared/records/write.js';

const ROSTER_STAGES: readonly MemberStage[] = ['FULL', 'PROBATIONARY'];

export interface RosterEntry {
  memberId: string;
  name: string;
  stage: MemberStage;
}

type Db = Pick<Tx, '$queryRaw'>;

/** The outbox id of the campaign's opening record (its first version in SELF_ASSESSMENT), or null while DRAFT. */
export async function openingRecordId(db: Db, campaignId: string): Promise<bigint | null> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM outbox_record
     WHERE entity_type = 'AppraisalCampaign' AND entity_id = ${campaignId}::uuid
       AND document::jsonb -> 'data' ->> 'status' = 'SELF_ASSESSMENT'
     ORDER BY version LIMIT 1`;
  return rows[0]?.id ?? null;
}

/** The roster, by name; `cutoff` is the opening record's outbox id (null: as of now). */
export async function rosterAt(db: Db, unitPath: string, cutoff: bigint | null): Promise<RosterEntry[]> {
  // Only members with some record in the subtree can have been in it at the cutoff; of those,
  // the record in force at the cutoff (the latest before it) decides.
  const rows = await db.$queryRaw<{ id: string; org: string; stage: MemberStage; status: string; name: string }[]>`
    WITH units AS (SELECT id FROM org_unit WHERE path LIKE ${unitPath} || '%'),
    touched AS (
      SELECT DISTINCT entity_id FROM outbox_record
       WHERE entity_type = 'Member' AND org_unit_id IN (SELECT id FROM units)
    ),
    in_force AS (
      SELECT DISTINCT ON (o.entity_id) o.entity_id, o.org_unit_id, o.document::jsonb -> 'data' AS data
        FROM outbox_record o JOIN touched t ON t.entity_id = o.entity_id
       WHERE o.entity_type = 'Member' AND (${cutoff}::bigint IS NULL OR o.id < ${cutoff}::bigint)
       ORDER BY o.entity_id, o.version DESC
    )
    SELECT f.entity_id::text AS id, f.org_unit_id::text AS org, f.data ->> 'stage' AS stage, f.data ->> 'status' AS status, m.name
      FROM in_force f JOIN member m ON m.id = f.entity_id
     WHERE f.org_unit_id IN (SELECT id FROM units)
     ORDER BY m.name, f.entity_id`;
  return rows
    .filter((r) => r.status === 'ACTIVE' && ROSTER_STAGES.includes(r.stage))
    .map((r) => ({ memberId: r.id, name: r.name, stage: r.stage }));
}

export async function rosterOf(db: Db, campaign: Pick<AppraisalCampaign, 'id' | 'status'>, unitPath: string): Promise<RosterEntry[]> {
  const cutoff = campaign.status === 'DRAFT' ? null : await openingRecordId(db, campaign.id);
  return rosterAt(db, unitPath, cutoff);
}
