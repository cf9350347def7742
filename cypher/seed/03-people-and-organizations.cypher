// Maillon demo data, part 3 of 5: people and organisations.
// Built from the cited reports (see 01-documents.cypher); descriptions are our own summaries.
// People the reports leave unnamed stay unnamed here (codes such as "Ofast officer A"), and
// Hervé keeps the pseudonym Le Monde gave him. Indictments are allegations, not findings of guilt.

// People
CREATE (:Person {id: 'person-mohamed-djeha', name: 'Mohamed Djeha', aliases: ['Mimo'], description: 'Described by Le Monde as one of the biggest drug traffickers in France. The Marseille anti-narcotics operation around the 360 kg delivery aimed at his arrest. The reports cite no charge against him.', sources: ['doc-lemonde-2025-05-21']});
CREATE (:Person {id: 'person-ofast-officer-a', name: 'Ofast officer A', occupation: 'police officer', description: 'One of two officers of the Ofast Marseille branch indicted in spring 2025 in the 360 kg case. Not named in the reports. Indicted, not convicted: the charges are allegations.', sources: ['doc-thelocal-2025-04-05']});
CREATE (:Person {id: 'person-ofast-officer-b', name: 'Ofast officer B', occupation: 'police officer', description: 'One of two officers of the Ofast Marseille branch indicted in spring 2025 in the 360 kg case. Not named in the reports. Indicted, not convicted: the charges are allegations.', sources: ['doc-thelocal-2025-04-05']});
CREATE (:Person {id: 'person-herve', name: 'Hervé', occupation: 'locksmith; police reservist', description: 'Pseudonym used by Le Monde (his real name was changed). A locksmith and police reservist, 60 years old in the May 2025 report, whose revelations started the investigation into the 360 kg affair.', sources: ['doc-lemonde-2025-05-21']});
CREATE (:Person {id: 'person-laure-beccuau', name: 'Laure Beccuau', occupation: 'public prosecutor', description: 'Paris public prosecutor. A few days before the March 2024 report she publicly warned of a risk of corruption inside French institutions.', sources: ['doc-corruption-officials-2024-03-08']});
CREATE (:Person {id: 'person-nicolas-bessone', name: 'Nicolas Bessone', aliases: ['Nicolas Bessome'], occupation: 'public prosecutor', description: 'Marseille public prosecutor who spoke before the Senate commission of inquiry in March 2024. The 2024 report spells his name Bessome.', sources: ['doc-corruption-officials-2024-03-08']});
CREATE (:Person {id: 'person-colombian-exporter', name: 'Colombian exporter', description: 'Unnamed exporter behind the banana shipment, acting through an import-export company. Described by Le Monde as an experienced trafficker well known to US investigators.', sources: ['doc-lemonde-2025-05-21']});

// Organisations
CREATE (:Organization {id: 'org-marseille-networks', name: 'Marseille drug-trafficking networks', kind: 'criminal', country: 'France', annualTurnoverEur: 3000000000, description: 'The drug trade in Marseille, taken as a whole. The 2024 report credits traffickers with 3 billion EUR of turnover a year (it does not define the scope precisely) and describes how they corrupt officials.', sources: ['doc-corruption-officials-2024-03-08']});
CREATE (:Organization {id: 'org-colombian-company', name: 'Colombian exporter\'s import-export company', kind: 'company', description: 'Import-export company through which the Colombian exporter operated. Its name and country of registration are not given.', sources: ['doc-lemonde-2025-05-21']});

// Employment (periods are not stated in the reports)
MATCH (a:Person {id: 'person-ofast-officer-a'}), (b:Agency {id: 'agency-ofast-marseille'}) CREATE (a)-[:EMPLOYED_BY {id: 'rel-employed-by-ofast-officer-a-ofast-marseille', unit: 'Marseille branch', sources: ['doc-thelocal-2025-04-05']}]->(b);
MATCH (a:Person {id: 'person-ofast-officer-b'}), (b:Agency {id: 'agency-ofast-marseille'}) CREATE (a)-[:EMPLOYED_BY {id: 'rel-employed-by-ofast-officer-b-ofast-marseille', unit: 'Marseille branch', sources: ['doc-thelocal-2025-04-05']}]->(b);
MATCH (a:Person {id: 'person-herve'}), (b:Agency {id: 'agency-national-police'}) CREATE (a)-[:EMPLOYED_BY {id: 'rel-employed-by-herve-national-police', rank: 'reservist', notes: 'Police reservist per Le Monde; unit and period not stated.', sources: ['doc-lemonde-2025-05-21']}]->(b);
MATCH (a:Person {id: 'person-laure-beccuau'}), (b:Agency {id: 'agency-paris-prosecutor'}) CREATE (a)-[:EMPLOYED_BY {id: 'rel-employed-by-laure-beccuau-paris-prosecutor', rank: 'public prosecutor', notes: 'In office at the time of the March 2024 report.', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
MATCH (a:Person {id: 'person-nicolas-bessone'}), (b:Agency {id: 'agency-marseille-prosecutor'}) CREATE (a)-[:EMPLOYED_BY {id: 'rel-employed-by-nicolas-bessone-marseille-prosecutor', rank: 'public prosecutor', notes: 'In office at the time of the March 2024 report.', sources: ['doc-corruption-officials-2024-03-08']}]->(b);

// Memberships and bases
MATCH (a:Person {id: 'person-colombian-exporter'}), (b:Organization {id: 'org-colombian-company'}) CREATE (a)-[:MEMBER_OF {id: 'rel-member-of-colombian-exporter-colombian-company', role: 'operator', notes: 'Le Monde says the exporter operated through the company.', sources: ['doc-lemonde-2025-05-21']}]->(b);
MATCH (a:Person {id: 'person-colombian-exporter'}), (b:Location {id: 'location-colombia'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-colombian-exporter-colombia', notes: 'Inferred from the report calling the exporter Colombian.', sources: ['doc-lemonde-2025-05-21']}]->(b);
MATCH (a:Organization {id: 'org-marseille-networks'}), (b:Location {id: 'location-marseille'}) CREATE (a)-[:BASED_IN {id: 'rel-based-in-marseille-networks-marseille', sources: ['doc-corruption-officials-2024-03-08']}]->(b);
