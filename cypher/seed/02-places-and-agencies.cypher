// Maillon demo data, part 2 of 5: places and public bodies.
// Built from the cited reports (see 01-documents.cypher); descriptions are our own summaries.
// Agencies are only those the reports mention; where a report names a body without detail,
// the node says no more than the report does.

// Places
CREATE (:Location {id: 'location-france', name: 'France', kind: 'country', country: 'France', description: 'Country where the corruption cases and the 360 kg delivery took place.', sources: ['doc-corruption-officials-2024-03-08', 'doc-lemonde-2025-05-21', 'doc-thelocal-2025-04-05']});
CREATE (:Location {id: 'location-colombia', name: 'Colombia', kind: 'country', country: 'Colombia', description: 'Country the cocaine shipment came from.', sources: ['doc-lemonde-2025-05-21', 'doc-thelocal-2025-04-05']});
CREATE (:Location {id: 'location-marseille', name: 'Marseille', kind: 'city', country: 'France', description: 'Second city of France and seat of the Ofast branch at the centre of the 360 kg affair.', sources: ['doc-corruption-officials-2024-03-08', 'doc-lemonde-2025-05-21', 'doc-thelocal-2025-04-05']});
CREATE (:Location {id: 'location-marseille-port', name: 'Port of Marseille', kind: 'port', country: 'France', description: 'Mediterranean port through which the banana containers entered France.', sources: ['doc-lemonde-2025-05-21', 'doc-thelocal-2025-04-05']});
CREATE (:Location {id: 'location-paris', name: 'Paris', kind: 'city', country: 'France', description: 'Seat of the Paris prosecutor\'s office and planned final destination of the cocaine delivery.', sources: ['doc-corruption-officials-2024-03-08', 'doc-thelocal-2025-04-05']});

// Police, customs, prisons
CREATE (:Agency {id: 'agency-national-police', name: 'French national police', kind: 'police', country: 'France', staffWithFileAccess: 150000, description: 'National police of France. Per the 2024 report close to 150,000 officers can consult police files, even from home, which makes leaks hard to detect.', sources: ['doc-corruption-officials-2024-03-08', 'doc-thelocal-2025-04-05']});
CREATE (:Agency {id: 'agency-ofast', name: 'Ofast', aliases: ['national anti-narcotics agency'], kind: 'police', country: 'France', description: 'National anti-narcotics agency of France. It received the DEA information on the banana shipment and withdrew from the monitored delivery once its size no longer matched.', sources: ['doc-lemonde-2025-05-21', 'doc-thelocal-2025-04-05']});
CREATE (:Agency {id: 'agency-ofast-marseille', name: 'Ofast Marseille branch', kind: 'police', country: 'France', description: 'Marseille branch of Ofast, at the centre of the 360 kg affair. Its premises were searched in April 2024.', sources: ['doc-lemonde-2025-05-21', 'doc-thelocal-2025-04-05']});
CREATE (:Agency {id: 'agency-igpn', name: 'IGPN', aliases: ['Inspectorate General of the National Police'], kind: 'oversight', country: 'France', description: 'Internal oversight body of the national police. It conducted the inquiry into the 360 kg delivery; the 2024 report gives its corruption-related case counts for 2021 and 2022.', sources: ['doc-corruption-officials-2024-03-08', 'doc-lemonde-2025-05-21', 'doc-thelocal-2025-04-05']});
CREATE (:Agency {id: 'agency-customs', name: 'French customs', kind: 'customs', country: 'France', description: 'Customs service. The 2024 report names customs officers among the officials traffickers court most, as they can let drugs pass with the flow of goods.', sources: ['doc-corruption-officials-2024-03-08']});
CREATE (:Agency {id: 'agency-border-police', name: 'Border police', kind: 'police', country: 'France', description: 'Police at the borders. The 2024 report names border police, with customs, as the officials traffickers court most.', sources: ['doc-corruption-officials-2024-03-08']});
CREATE (:Agency {id: 'agency-gendarmerie', name: 'Gendarmerie', kind: 'gendarmerie', country: 'France', description: 'Gendarmes are among the officials the 2024 report says traffickers try to corrupt.', sources: ['doc-corruption-officials-2024-03-08']});
CREATE (:Agency {id: 'agency-prison-administration', name: 'Prison administration', kind: 'prison', country: 'France', description: 'Prison service. Per the 2024 report, extracts of its files circulate with police-file extracts on Instagram threads.', sources: ['doc-corruption-officials-2024-03-08']});

// Justice, parliament, foreign partners
CREATE (:Agency {id: 'agency-junalco', name: 'JUNALCO', aliases: ['National jurisdiction for organised crime'], kind: 'judiciary', country: 'France', description: 'National jurisdiction for organised crime. The investigation into the 360 kg delivery is now under its authority.', sources: ['doc-lemonde-2025-05-21']});
CREATE (:Agency {id: 'agency-paris-prosecutor', name: 'Paris public prosecutor\'s office', kind: 'judiciary', country: 'France', description: 'Public prosecutor\'s office of Paris, headed by Laure Beccuau at the time of the 2024 report.', sources: ['doc-corruption-officials-2024-03-08']});
CREATE (:Agency {id: 'agency-marseille-prosecutor', name: 'Marseille public prosecutor\'s office', kind: 'judiciary', country: 'France', description: 'Public prosecutor\'s office of Marseille, headed by Nicolas Bessone at the time of the 2024 report.', sources: ['doc-corruption-officials-2024-03-08']});
CREATE (:Agency {id: 'agency-senate-inquiry', name: 'Senate commission of inquiry', kind: 'legislature', country: 'France', description: 'Commission of inquiry of the French Senate before which the Marseille prosecutor spoke in March 2024.', sources: ['doc-corruption-officials-2024-03-08']});
CREATE (:Agency {id: 'agency-dea', name: 'Drug Enforcement Administration', aliases: ['DEA'], kind: 'foreign', country: 'United States', description: 'US federal anti-drug agency. At the end of 2022 it passed information on the banana shipment to Ofast.', sources: ['doc-lemonde-2025-05-21']});

// Where the bodies sit
MATCH (a:Agency {id: 'agency-national-police'}), (b:Location {id: 'location-france'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-national-police-france', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
MATCH (a:Agency {id: 'agency-ofast'}), (b:Location {id: 'location-france'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-ofast-france', sources: ['doc-lemonde-2025-05-21']}]->(b);
MATCH (a:Agency {id: 'agency-ofast-marseille'}), (b:Location {id: 'location-marseille'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-ofast-marseille-marseille', sources: ['doc-lemonde-2025-05-21', 'doc-thelocal-2025-04-05']}]->(b);
MATCH (a:Agency {id: 'agency-igpn'}), (b:Location {id: 'location-france'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-igpn-france', sources: ['doc-lemonde-2025-05-21']}]->(b);
MATCH (a:Agency {id: 'agency-customs'}), (b:Location {id: 'location-france'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-customs-france', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
MATCH (a:Agency {id: 'agency-border-police'}), (b:Location {id: 'location-france'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-border-police-france', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
MATCH (a:Agency {id: 'agency-gendarmerie'}), (b:Location {id: 'location-france'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-gendarmerie-france', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
MATCH (a:Agency {id: 'agency-prison-administration'}), (b:Location {id: 'location-france'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-prison-administration-france', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
MATCH (a:Agency {id: 'agency-junalco'}), (b:Location {id: 'location-france'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-junalco-france', sources: ['doc-lemonde-2025-05-21']}]->(b);
MATCH (a:Agency {id: 'agency-paris-prosecutor'}), (b:Location {id: 'location-paris'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-paris-prosecutor-paris', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
MATCH (a:Agency {id: 'agency-marseille-prosecutor'}), (b:Location {id: 'location-marseille'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-marseille-prosecutor-marseille', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
MATCH (a:Agency {id: 'agency-senate-inquiry'}), (b:Location {id: 'location-france'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-senate-inquiry-france', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
