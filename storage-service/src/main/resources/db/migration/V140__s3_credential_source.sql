-- How an S3 repository signs in: STATIC (access key and sealed secret in this row) or DEFAULT_CHAIN (the service's own
-- cloud identity from the AWS default credential chain; no key stored).
ALTER TABLE backup_repository
    ADD COLUMN s3_credentials text NOT NULL DEFAULT 'STATIC' CHECK (s3_credentials IN ('STATIC', 'DEFAULT_CHAIN'));
