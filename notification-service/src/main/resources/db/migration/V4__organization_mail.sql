-- Contract lapse/renewal mails to an organization's admins belong to the organization, not to a case.
ALTER TABLE delivery ADD COLUMN organization_id varchar(128);
