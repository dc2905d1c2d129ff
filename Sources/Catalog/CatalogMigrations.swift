internal import GRDB

/// The schema, as SQL. Migration names never change once released, and migrations never use
/// the app's record types (they change; a migration must not).
enum CatalogMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-schema") { db in
            try db.execute(sql: """
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                -- Bumped by every write: servers compare it to know their cached documents are stale.
                CREATE TABLE catalogChange (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    counter INTEGER NOT NULL
                );
                INSERT INTO catalogChange (id, counter) VALUES (1, 0);

                CREATE TABLE collection (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    slug TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
                    title TEXT NOT NULL,
                    sortKey TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('gallery', 'campaign', 'psaSeries')),
                    description TEXT,
                    publishedDate TEXT,
                    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
                    allowLocation INTEGER NOT NULL DEFAULT 0,
                    coverAssetId INTEGER REFERENCES asset(id) ON DELETE SET NULL,
                    editedFields TEXT NOT NULL DEFAULT '[]',
                    createdAt TEXT NOT NULL,
                    updatedAt TEXT NOT NULL
                );
                CREATE INDEX collection_sortKey ON collection(sortKey);

                CREATE TABLE asset (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    publicId TEXT NOT NULL UNIQUE,
                    collectionId INTEGER NOT NULL REFERENCES collection(id) ON DELETE RESTRICT,
                    kind TEXT NOT NULL CHECK (kind IN ('photo', 'video', 'audio')),
                    sourcePath TEXT NOT NULL UNIQUE,
                    fileSize INTEGER NOT NULL,
                    modifiedAt INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    format TEXT NOT NULL,
                    mimeType TEXT NOT NULL,
                    width INTEGER,
                    height INTEGER,
                    displayWidth INTEGER,
                    displayHeight INTEGER,
                    duration REAL,
                    captureTime TEXT,
                    captureTimeLocal TEXT,
                    captureOffset TEXT,
                    latitude REAL,
                    longitude REAL,
                    mediaInfo TEXT NOT NULL,
                    title TEXT,
                    caption TEXT,
                    altText TEXT,
                    credit TEXT,
                    tags TEXT NOT NULL DEFAULT '[]',
                    people TEXT NOT NULL DEFAULT '[]',
                    psaNumber INTEGER,
                    publishedDate TEXT,
                    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
                    posterTime REAL,
                    consentNote TEXT,
                    thumbHash TEXT,
                    posterTimeUsed REAL,
                    editedFields TEXT NOT NULL DEFAULT '[]',
                    createdAt TEXT NOT NULL,
                    updatedAt TEXT NOT NULL
                );
                CREATE INDEX asset_sha256 ON asset(sha256);
                CREATE INDEX asset_collection_capture ON asset(collectionId, captureTime);
                CREATE UNIQUE INDEX asset_psaNumber ON asset(collectionId, psaNumber) WHERE psaNumber IS NOT NULL;

                CREATE TABLE rendition (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    assetId INTEGER NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    variant TEXT NOT NULL,
                    format TEXT NOT NULL,
                    width INTEGER,
                    height INTEGER,
                    bytes INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    thumbHash TEXT,
                    UNIQUE (assetId, variant, format)
                );
                CREATE INDEX rendition_path ON rendition(path);

                CREATE TABLE ingestRun (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    startedAt TEXT NOT NULL,
                    finishedAt TEXT,
                    arguments TEXT NOT NULL,
                    added INTEGER NOT NULL DEFAULT 0,
                    updated INTEGER NOT NULL DEFAULT 0,
                    moved INTEGER NOT NULL DEFAULT 0,
                    unchanged INTEGER NOT NULL DEFAULT 0,
                    duplicates INTEGER NOT NULL DEFAULT 0,
                    failed INTEGER NOT NULL DEFAULT 0
                );

                CREATE TABLE ingestFailure (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    runId INTEGER NOT NULL REFERENCES ingestRun(id) ON DELETE CASCADE,
                    sourcePath TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    failedAt TEXT NOT NULL
                );
                CREATE INDEX ingestFailure_path ON ingestFailure(sourcePath);

                -- Full-text search over what staff and viewers type: maintained by Catalog on
                -- every asset and collection write (rowid = asset.id).
                CREATE VIRTUAL TABLE assetSearch USING fts5(
                    title, caption, altText, tags, people, collectionTitle,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                """)
        }
        registerTriggers(&migrator)
        migrator.registerMigration("v3-publish-originals") { db in
            // Originals go out with every byte of metadata they carry: only where staff chose so.
            try db.execute(sql: "ALTER TABLE collection ADD COLUMN publishOriginals INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v4-media-renditions") { db in
            // Web videos and clean originals: what a player needs to choose a source.
            try db.execute(sql: """
                ALTER TABLE rendition ADD COLUMN codecs TEXT;
                ALTER TABLE rendition ADD COLUMN bitRate INTEGER;
                ALTER TABLE rendition ADD COLUMN duration REAL;
                """)
        }
        return migrator
    }
}

extension CatalogMigrations {
    /// The change counter moves only when something a public document shows changes: rows of
    /// collection, asset or rendition. Ingest bookkeeping (runs, failures, settings) does not.
    static func registerTriggers(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-change-triggers") { db in
            for table in ["collection", "asset", "rendition"] {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_\(event.lowercased())_bumps_counter AFTER \(event) ON \(table)
                        BEGIN UPDATE catalogChange SET counter = counter + 1 WHERE id = 1; END
                        """)
                }
            }
        }
    }
}
