// The style of cypher/seed: one CREATE per node with a literal map, then
// MATCH ... CREATE for each relationship.
CREATE (:Person {id: 'fx-p1', name: 'Officer One', occupation: 'police officer', sources: ['fx-doc']});
CREATE (:Person {id: 'fx-p2', name: 'Broker Two', aliases: ['B2', 'Deux']});
CREATE (:Agency {id: 'fx-a1', name: 'Test Police Unit', kind: 'police', country: 'France'});
CREATE (:Document {id: 'fx-doc', name: 'Test report', title: 'A report', publishedAt: '2024-03-08'});

MATCH (a:Person {id: 'fx-p1'}), (b:Agency {id: 'fx-a1'})
CREATE (a)-[:EMPLOYED_BY {id: 'fx-r1', rank: 'brigadier', since: '2015-01-01', sources: ['fx-doc']}]->(b);
MATCH (a:Person {id: 'fx-p2'}), (b:Person {id: 'fx-p1'})
CREATE (a)-[:PAID {id: 'fx-r2', amount: 50, amountMax: 100, currency: 'EUR', method: 'cash', at: '2023-06-01'}]->(b);
MATCH (a:Person {id: 'fx-p1'}), (b:Person {id: 'fx-p2'}) CREATE (a)-[:ASSOCIATE_OF {id: 'fx-r3', context: 'school'}]->(b);
