// Ids for agenda items the facilitator adds (the commands carry the new item's id).
export function newItemId(): string {
  // randomUUID exists only in secure contexts; a meeting on a LAN address over http is not one.
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `item-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
