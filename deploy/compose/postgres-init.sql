-- Runs once on an empty data volume (docker-entrypoint-initdb.d). The image creates the role
-- casework (POSTGRES_USER) and the database casework_cases (POSTGRES_DB); add the other three.
CREATE DATABASE casework_sla OWNER casework;
CREATE DATABASE casework_notifications OWNER casework;
CREATE DATABASE casework_status OWNER casework;
