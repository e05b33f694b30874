-- Then add the key on the index built before: no index build under the lock.
ALTER TABLE labels ADD CONSTRAINT labels_pkey PRIMARY KEY USING INDEX labels_id_idx;
ALTER TABLE labels ADD CONSTRAINT labels_name_key UNIQUE USING INDEX labels_name_idx;
