// Refusals of GET /events, in the shape of GraphQL errors (the codes are the catalogue's common
// ones): the web server passes them on, and partners read them like any other answer.
import type { GraphQLError } from 'graphql';
import { appError, ErrorCode, rateLimited, unauthenticated } from '../../shared/errors.js';

export function tooManyStreams(limit: number): GraphQLError {
  return rateLimited(
    30,
    `You already have ${limit} live-update connections open (one per open page or tab): close one, or reload later.`,
    `您已打开 ${limit} 个实时更新连接（每个页面或标签页一个）：请关闭一个，或稍后刷新。`,
  );
}

export function streamsFull(): GraphQLError {
  return appError(ErrorCode.BUSY, 'The server has as many live-update connections open as it serves; the page works without them. Try again in a minute.', {
    messageZh: '服务器的实时更新连接已满；页面仍可正常使用，只是不会自动刷新。请一分钟后重试。',
    extensions: { retryable: true },
  });
}

export function liveUnavailable(): GraphQLError {
  return appError(ErrorCode.BUSY, 'Live updates are not available right now (the database cannot be listened to); the page works without them. Try again in a minute.', {
    messageZh: '实时更新暂不可用（无法监听数据库）；页面仍可正常使用。请一分钟后重试。',
    extensions: { retryable: true },
  });
}

/** The reason credentials were refused, if any, else the usual "sign in first". */
export function notSignedIn(refused?: { message: string; messageZh: string }): GraphQLError {
  return refused ? unauthenticated(refused.message, refused.messageZh) : unauthenticated();
}
