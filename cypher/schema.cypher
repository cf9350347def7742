// Neo4j schema for Maillon. GENERATED from server/src/model by scripts/generate-neo4j-schema.ts:
// do not edit by hand (a unit test fails when this file is out of date). The server runs the
// same statements at startup; every statement is idempotent.

CREATE CONSTRAINT person_id_unique IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id_unique IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id_unique IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT informant_id_unique IF NOT EXISTS FOR (n:Informant) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT shipment_id_unique IF NOT EXISTS FOR (n:Shipment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_id_unique IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT location_id_unique IF NOT EXISTS FOR (n:Location) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT record_id_unique IF NOT EXISTS FOR (n:Record) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id_unique IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id_unique IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT maillon_user_username_unique IF NOT EXISTS FOR (n:MaillonUser) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT maillon_audit_seq_unique IF NOT EXISTS FOR (n:MaillonAudit) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT maillon_investigation_id_unique IF NOT EXISTS FOR (n:MaillonInvestigation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT maillon_view_id_unique IF NOT EXISTS FOR (n:MaillonView) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT maillon_note_id_unique IF NOT EXISTS FOR (n:MaillonNote) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT maillon_notice_id_unique IF NOT EXISTS FOR (n:MaillonNotice) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT maillon_proposal_id_unique IF NOT EXISTS FOR (n:MaillonProposal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT maillon_history_id_unique IF NOT EXISTS FOR (n:MaillonHistory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT maillon_grant_id_unique IF NOT EXISTS FOR (n:MaillonGrant) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT maillon_audit_head_key_unique IF NOT EXISTS FOR (n:MaillonAuditHead) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT maillon_read_window_user_unique IF NOT EXISTS FOR (n:MaillonReadWindow) REQUIRE n.user IS UNIQUE;
CREATE CONSTRAINT maillon_person_read_key_unique IF NOT EXISTS FOR (n:MaillonPersonRead) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT maillon_suspension_user_unique IF NOT EXISTS FOR (n:MaillonSuspension) REQUIRE n.user IS UNIQUE;
CREATE CONSTRAINT maillon_alert_id_unique IF NOT EXISTS FOR (n:MaillonAlert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT maillon_counter_key_unique IF NOT EXISTS FOR (n:MaillonCounter) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT maillon_attempt_key_unique IF NOT EXISTS FOR (n:MaillonAttempt) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT maillon_allowance_user_unique IF NOT EXISTS FOR (n:MaillonAllowance) REQUIRE n.user IS UNIQUE;
CREATE INDEX maillon_person_read_user IF NOT EXISTS FOR (n:MaillonPersonRead) ON (n.user);
CREATE FULLTEXT INDEX maillon_search IF NOT EXISTS FOR (n:Person|Organization|Agency|Informant|Shipment|Case|Location|Record|Event|Document) ON EACH [n.name, n.aliases, n.description] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
