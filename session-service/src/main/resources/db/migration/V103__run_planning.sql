-- Issue 16: a run is recorded before it is planned, and planning (which talks to the org) is its first step, outside
-- any long transaction. A run that could not be planned ends FAILED with the reason here; the instance planning a
-- run renews planning_heartbeat_at, so a run whose planner died is failed honestly instead of blocking its policy.
ALTER TABLE run ADD COLUMN failure_reason text;
ALTER TABLE run ADD COLUMN planning_heartbeat_at timestamptz;
