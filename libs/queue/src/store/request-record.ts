import { REQUEST_STATUSES, type ReasoningResult, type RequestStatus, type RequestView } from '@threadloom/contracts';

/** Parses the record hash into the view producers see; undefined when absent. */
export function toRequestView(hash: Record<string, string>): RequestView | undefined {
  const id = hash['id'];
  const status = hash['status'];
  if (id === undefined || !isStatus(status)) return undefined;
  return {
    id,
    tenant: hash['tenant'] ?? 'default',
    status,
    createdAt: Number(hash['createdAt'] ?? 0),
    updatedAt: Number(hash['updatedAt'] ?? 0),
    ...(hash['result'] === undefined ? {} : { result: JSON.parse(hash['result']) as ReasoningResult }),
    ...(hash['error'] === undefined ? {} : { error: hash['error'] }),
    ...(hash['errorCode'] === undefined ? {} : { errorCode: hash['errorCode'] }),
    ...(hash['batchId'] === undefined ? {} : { batchId: hash['batchId'] }),
    ...(hash['metadata'] === undefined ? {} : { metadata: JSON.parse(hash['metadata']) as Record<string, string> }),
  };
}

function isStatus(value: string | undefined): value is RequestStatus {
  return (REQUEST_STATUSES as readonly (string | undefined)[]).includes(value);
}
