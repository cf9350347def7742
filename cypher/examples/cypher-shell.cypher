/* What cypher-shell and neo4j-admin users write: transaction commands, block
   comments; semicolons inside strings; escapes in both quote kinds;
   backticked names; date() calls; a last statement without a semicolon. */
:begin
CREATE (:Person {id: 'fx-c1', name: 'Jean "Le Chat" Dupont; dit \'JC\'', birthDate: date('1970-01-02')});
CREATE (:`Person` {`id`: "fx-c2", name: "L'Avocat \"X\"", notes: 'line one\nline two'});
CREATE (:Event {id: 'fx-c3', name: 'Raid', kind: 'raid', at: datetime('2024-03-22T06:00:00Z'), outcome: 'evaded'});
:commit
MATCH (a:Person {id: 'fx-c1'}),
      (e:Event {id: 'fx-c3'})
CREATE (a)-[:INVOLVED_IN {role: 'target'}]->(e); // trailing comment
MATCH (a:Person {id: 'fx-c2'}), (b:Person {id: 'fx-c1'}) CREATE (a)-[:ASSOCIATE_OF {context: 'counsel; lawyer'}]->(b)
