-- Dictionaries trained on the records themselves: a dictionary may hold values of the records it was trained
-- from, so each one lists its samples (record id and the point seq it came with). An erasure that hits a sample retires
-- the dictionary in its own transaction (retired_at); DictionaryReplacement then re-encodes every payload that names it
-- with a replacement (trained on the samples that remain, or on masked records) and deletes it. Dictionaries written
-- before were trained on masked records (ValueMask) and list no samples.
ALTER TABLE record_dictionary ADD COLUMN masked boolean NOT NULL DEFAULT true;
ALTER TABLE record_dictionary ALTER COLUMN masked DROP DEFAULT;
ALTER TABLE record_dictionary ADD COLUMN retired_at timestamptz;

CREATE TABLE record_dictionary_sample (
    dictionary_id int    NOT NULL REFERENCES record_dictionary (id) ON DELETE CASCADE,
    record_id     text   COLLATE "C" NOT NULL,
    seq           bigint NOT NULL,
    PRIMARY KEY (dictionary_id, record_id, seq)
);
CREATE INDEX record_dictionary_sample_record ON record_dictionary_sample (record_id);
