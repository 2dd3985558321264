// The appraisal page's forms, one mutation per intent: create, open, start peer assessment,
// propose and finalise ratings (secretaries); self and peer assessment (members).
import { data } from 'react-router';
import type { Route } from './+types/appraisal';
import { graphql } from '../../graphql';
import type { AppraisalRating } from '../../graphql/graphql';
import { rethrowForPage } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { ApiError } from '../../lib/graphql.server';
import { PAGE_ROLES } from '../../lib/roles';
import type { ActionResult } from './types';

const CREATE = graphql(`mutation CreateCampaign($input: CreateAppraisalCampaignInput!) { createAppraisalCampaign(input: $input) { id } }`);

const OPEN = graphql(`mutation Open($id: ID!) { openAppraisalCampaign(id: $id) { id } }`);

const PEER = graphql(`mutation Peer($id: ID!) { startPeerAssessment(id: $id) { id } }`);

const PROPOSE = graphql(`mutation Propose($id: ID!, $ratings: [AppraisalRatingInput!]!) { proposeAppraisalRatings(campaignId: $id, ratings: $ratings) { id } }`);

const FINALISE = graphql(`mutation Finalise($id: ID!, $ratings: [AppraisalRatingInput!]) { finaliseAppraisalCampaign(campaignId: $id, ratings: $ratings) { id } }`);

const SELF = graphql(`mutation Self($id: ID!, $input: SelfAssessmentInput!) { submitSelfAssessment(campaignId: $id, input: $input) { id } }`);

const PEER_ASSESS = graphql(`mutation PeerAssess($id: ID!, $input: PeerAssessmentInput!) { submitPeerAssessment(campaignId: $id, input: $input) { id } }`);

function ratingsFrom(form: FormData) {
  return [...form.entries()].filter(([k, v]) => k.startsWith('rating:') && v !== '').map(([k, v]) => ({ memberId: k.slice(7), rating: String(v) as AppraisalRating }));
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, PAGE_ROLES.appraisal);
  try {
    switch (intent) {
      case 'create': {
        const r = await ctx.call(CREATE, {
          input: { orgUnitId: text('orgUnitId'), year: Number(text('year')), title: text('title'), opensOn: text('opensOn'), closesOn: text('closesOn') },
        });
        return data<ActionResult>({ ok: true, intent, id: r.createAppraisalCampaign.id });
      }
      case 'open':
        await ctx.call(OPEN, { id });
        break;
      case 'peer':
        await ctx.call(PEER, { id });
        break;
      case 'propose':
        await ctx.call(PROPOSE, { id, ratings: ratingsFrom(form) });
        break;
      case 'finalise':
        await ctx.call(FINALISE, { id, ratings: ratingsFrom(form) });
        break;
      case 'self':
        await ctx.call(SELF, { id, input: { summary: text('summary'), rating: text('rating') as AppraisalRating } });
        break;
      case 'peerAssess':
        await ctx.call(PEER_ASSESS, { id, input: { subjectId: text('subjectId'), rating: text('rating') as AppraisalRating, ...(text('comment') ? { comment: text('comment') } : {}) } });
        break;
      default:
        throw data({ code: 'BAD_USER_INPUT', message: `Unknown action "${intent}".`, messageZh: `未知操作“${intent}”。` }, { status: 400 });
    }
    return data<ActionResult>({ ok: true, intent });
  } catch (error) {
    // The one-third rule has its own code (EXCELLENT_QUOTA_EXCEEDED): shown on the form like the others.
    if (error instanceof ApiError && ([400, 403, 404, 409].includes(error.status) || error.code === 'EXCELLENT_QUOTA_EXCEEDED')) {
      return data<ActionResult>({ ok: false, intent, error: error.payload(), fields: error.fields }, { status: error.status >= 500 ? 409 : error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}
