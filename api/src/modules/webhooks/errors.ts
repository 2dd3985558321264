// Refusals of the webhook rules with their own codes.
import type { WebhookEventKind } from '@lianjian/db';
import type { GraphQLError } from 'graphql';
import { appError, defineCodes } from '../../shared/errors.js';
import { kindNeeds } from './kinds.js';

export const WebhookCode = defineCodes('webhooks', {
  WEBHOOK_KIND_OUT_OF_SCOPE: {
    en: 'The key may not subscribe to an event kind: it lacks the read scope the kind needs; `extensions.kinds` lists them, `extensions.needs` the scopes.',
    zh: '密钥无权订阅某些事件类型：缺少该类型所需的读取权限；`extensions.kinds` 列出这些类型，`extensions.needs` 列出所需权限。',
  },
  WEBHOOK_URL_REFUSED: {
    en: 'Webhooks are sent only to https addresses on the public internet; `extensions.reason` says what is wrong with this one.',
    zh: '推送只发往公网上的 https 地址；`extensions.reason` 说明此地址的问题。',
  },
  WEBHOOK_ENDPOINT_LIMIT: {
    en: 'The key already has as many webhook endpoints as allowed: delete one first.',
    zh: '该密钥的推送端点已达上限：请先删除一个。',
  },
});

export const MAX_ENDPOINTS_PER_KEY = 10;

export function kindOutOfScope(keyName: string, kinds: WebhookEventKind[]): GraphQLError {
  const needs = kinds.map(kindNeeds);
  return appError(
    WebhookCode.WEBHOOK_KIND_OUT_OF_SCOPE,
    `API key "${keyName}" may not subscribe to ${kinds.join(', ')}: that needs ${needs.join(', ')}, which the key does not hold. Ask the administrator who issued the key for the scope, or leave the kind out.`,
    {
      messageZh: `API 密钥“${keyName}”无权订阅 ${kinds.join('、')}：需要密钥不具备的权限 ${needs.join('、')}。请向签发密钥的管理员申请该权限，或不订阅此类型。`,
      extensions: { kinds, needs },
    },
  );
}

export function urlRefused(field: string, reason: { en: string; zh: string }): GraphQLError {
  return appError(WebhookCode.WEBHOOK_URL_REFUSED, `The webhook URL ${reason.en}`, {
    messageZh: `推送地址${reason.zh}`,
    extensions: { field, reason: reason.en, reasonZh: reason.zh },
  });
}

export function endpointLimit(): GraphQLError {
  return appError(WebhookCode.WEBHOOK_ENDPOINT_LIMIT, `This key already has ${MAX_ENDPOINTS_PER_KEY} webhook endpoints, the most allowed: delete one you no longer use, or subscribe an existing one to more kinds.`, {
    messageZh: `该密钥已有 ${MAX_ENDPOINTS_PER_KEY} 个推送端点，已达上限：请删除不再使用的端点，或为现有端点增加订阅类型。`,
  });
}
