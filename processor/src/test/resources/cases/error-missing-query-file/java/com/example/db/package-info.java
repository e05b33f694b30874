@dev.quarry.GenerateQueries(migrations = "migrations", queries = {"queries/users.sql", "queries/nope.sql"})
package com.example.db;
