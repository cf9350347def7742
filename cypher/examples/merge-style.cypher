// MERGE ... ON CREATE SET / ON MATCH SET, run twice on purpose: the second pass
// matches what the first created, so the counts stay the same.
MERGE (o:Organization {id: 'fx-m1'}) ON CREATE SET o.name = 'Clan', o.kind = 'criminal' ON MATCH SET o.country = 'France';
MERGE (o:Organization {id: 'fx-m1'}) ON CREATE SET o.name = 'never' ON MATCH SET o.country = 'France';
UNWIND [{id: 'fx-m2', name: 'Eve'}, {id: 'fx-m3', name: 'Frank', notes: 'cousin'}] AS row
MERGE (p:Person {id: row.id}) ON CREATE SET p += row;
UNWIND [{id: 'fx-m2', name: 'Eve'}, {id: 'fx-m3', name: 'Frank'}] AS row
MERGE (p:Person {id: row.id}) ON CREATE SET p += row;
MATCH (p:Person {id: 'fx-m2'}), (o:Organization {id: 'fx-m1'}) MERGE (p)-[m:MEMBER_OF]->(o) ON CREATE SET m.role = 'lieutenant';
MATCH (p:Person {id: 'fx-m2'}), (o:Organization {id: 'fx-m1'}) MERGE (p)-[m:MEMBER_OF]->(o) ON CREATE SET m.role = 'never';
MATCH (a:Person {id: 'fx-m2'}), (b:Person {id: 'fx-m3'}) MERGE (a)-[:FAMILY_OF {relation: 'cousin'}]->(b);
MATCH (p:Person {id: 'fx-m3'}) REMOVE p.notes;
