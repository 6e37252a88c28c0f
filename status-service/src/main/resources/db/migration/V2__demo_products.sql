-- The products of the demo catalogue; ids are the slugs used in URLs and events.
INSERT INTO product (id, name, status, updated_at) VALUES
    ('cloud-mail',    'Cloud Mail',     'OPERATIONAL', now()),
    ('cloud-drive',   'Cloud Drive',    'OPERATIONAL', now()),
    ('identity',      'Cloud Identity', 'OPERATIONAL', now()),
    ('admin-console', 'Admin Console',  'OPERATIONAL', now());
