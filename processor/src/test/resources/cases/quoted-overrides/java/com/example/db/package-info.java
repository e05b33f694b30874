// Overrides name quoted, mixed-case and schema-qualified types and columns as SQL writes them.
@GenerateQueries(migrations = "migrations", queries = "queries", typeOverrides = {
    @TypeOverride(type = "\"Billing\".\"Cents\"", converter = CentsConverter.class),
    @TypeOverride(column = "\"Billing\".\"Lease\".\"Note\"", converter = NoteConverter.class)})
package com.example.db;

import dev.quarry.GenerateQueries;
import dev.quarry.TypeOverride;
