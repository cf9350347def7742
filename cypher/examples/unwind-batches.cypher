// Batched rows, the way large Neo4j imports are written: UNWIND a literal list of maps.
// Rows may leave keys out and mix integers with decimals.
UNWIND [
  {id: 'fx-u1', name: 'Alpha', nationality: 'FR'},
  {id: 'fx-u2', name: 'Bravo', birthDate: '1980-02-29'},
  {id: 'fx-u3', name: 'Charlie', aliases: []},
  {id: 'fx-u4', name: 'Delta', aliases: ['D', 'Dee']}
] AS row
CREATE (p:Person {id: row.id, name: row.name, nationality: row.nationality, birthDate: row.birthDate, aliases: row.aliases});

UNWIND [{id: 'fx-s1', name: 'Bananas', declaredKg: 180, actualKg: 360.5}, {id: 'fx-s2', name: 'Coffee', declaredKg: 20.25}] AS row
CREATE (s:Shipment) SET s = row;

UNWIND [
  {from: 'fx-u1', to: 'fx-u2', amount: 50},
  {from: 'fx-u1', to: 'fx-u3', amount: 75.5},
  {from: 'fx-u4', to: 'fx-u2', amount: 100, method: 'drugs', kg: 2}
] AS row
MATCH (a:Person {id: row.from}), (b:Person {id: row.to})
CREATE (a)-[:PAID {amount: row.amount, method: row.method, kg: row.kg}]->(b);

UNWIND [{person: 'fx-u3', shipment: 'fx-s1', role: 'importer'}] AS row
MATCH (p:Person {id: row.person}), (s:Shipment {id: row.shipment})
CREATE (p)-[:ORGANIZED {role: row.role}]->(s)
