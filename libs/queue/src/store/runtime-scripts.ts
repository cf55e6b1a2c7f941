import { MARK_MEMBER_SCRIPT, CLAIM_GROUP_SCRIPT, COMMIT_GROUP_SCRIPT } from '../rollouts/rollout-scripts.js';
import {
  ACQUIRE_SLOT_SCRIPT,
  CREATE_REQUEST_SCRIPT,
  JOB_SNAPSHOT_SCRIPT,
  PUT_THREAD_WITH_EVENT_SCRIPT,
  RELEASE_CLAIM_SCRIPT,
  RETAIN_SETTLED_SCRIPT,
  SAVE_CHECKPOINT_SCRIPT,
  TRANSITION_SCRIPT,
} from './lua-scripts.js';

/** Every Lua script the runtime sends, by name: measurement tools name an EVALSHA by the SHA1 of its body. */
export const RUNTIME_SCRIPTS: Readonly<Record<string, string>> = {
  transition: TRANSITION_SCRIPT,
  saveCheckpoint: SAVE_CHECKPOINT_SCRIPT,
  acquireSlot: ACQUIRE_SLOT_SCRIPT,
  jobSnapshot: JOB_SNAPSHOT_SCRIPT,
  createRequest: CREATE_REQUEST_SCRIPT,
  releaseClaim: RELEASE_CLAIM_SCRIPT,
  putThreadWithEvent: PUT_THREAD_WITH_EVENT_SCRIPT,
  retainSettled: RETAIN_SETTLED_SCRIPT,
  markMember: MARK_MEMBER_SCRIPT,
  claimGroup: CLAIM_GROUP_SCRIPT,
  commitGroup: COMMIT_GROUP_SCRIPT,
};
