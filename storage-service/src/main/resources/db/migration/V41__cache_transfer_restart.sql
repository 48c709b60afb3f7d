-- Backup cache (issue 7): when a LOCAL repository was lost during a point and its transfer started over in the cache.
-- Such a point stores all its chunks in the cache: what it wrote to the lost share before cannot be relied on.
ALTER TABLE restore_point ADD COLUMN transfer_restarted_at timestamptz;
