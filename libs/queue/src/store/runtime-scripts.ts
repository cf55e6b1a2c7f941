import { MARK_MEMBER_SCRIPT, CLAIM_GROUP_SCRIPT, COMMIT_GROUP_SCRIPT } from '../rollouts/rollout-scripts.js';
import {
  ACQUIRE_SLOT_SCRIPT,
  CREATE_REQUEST_SCRIPT,
  JOB_SNAPSHOT_SCRIPT,
  PUT_JOINED_THREADS_SCRIPT,
  PUT_THREAD_WITH_EVENT_SCRIPT,
  RELEASE_CLAIM_SCRIPT,
  RETAIN_SETTLED_SCRIPT,
  SAVE_CHECKPOINT_SCRIPT,
  TRANSITION_SCRIPT,
} from './lua-scripts.js';
import { redisScript, type RedisScript } from './redis-script.js';

/**
 * Every Lua script the runtime sends, by name: the stores run them from here, and measurement tools name an
 * EVALSHA by its SHA1.
 */
export const RUNTIME_SCRIPTS = {
  transition: redisScript('transition', TRANSITION_SCRIPT),
  saveCheckpoint: redisScript('saveCheckpoint', SAVE_CHECKPOINT_SCRIPT),
  acquireSlot: redisScript('acquireSlot', ACQUIRE_SLOT_SCRIPT),
  jobSnapshot: redisScript('jobSnapshot', JOB_SNAPSHOT_SCRIPT),
  createRequest: redisScript('createRequest', CREATE_REQUEST_SCRIPT),
  releaseClaim: redisScript('releaseClaim', RELEASE_CLAIM_SCRIPT),
  putThreadWithEvent: redisScript('putThreadWithEvent', PUT_THREAD_WITH_EVENT_SCRIPT),
  putJoinedThreads: redisScript('putJoinedThreads', PUT_JOINED_THREADS_SCRIPT),
  retainSettled: redisScript('retainSettled', RETAIN_SETTLED_SCRIPT),
  markMember: redisScript('markMember', MARK_MEMBER_SCRIPT),
  claimGroup: redisScript('claimGroup', CLAIM_GROUP_SCRIPT),
  commitGroup: redisScript('commitGroup', COMMIT_GROUP_SCRIPT),
} as const satisfies Readonly<Record<string, RedisScript>>;
