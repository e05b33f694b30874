@GenerateQueries(migrations = "migrations", queries = "queries", typeOverrides = {
    @TypeOverride(column = "orders.total", converter = WrongConverter.class),
    @TypeOverride(column = "orders.totl", converter = MoneyConverter.class),
    @TypeOverride(type = "jsonbb", converter = MoneyConverter.class),
    @TypeOverride(type = "jsonb", column = "orders.settings", converter = MoneyConverter.class),
    @TypeOverride(type = "text", converter = NoDefaultConstructor.class)})
package com.example.db;

import dev.quarry.GenerateQueries;
import dev.quarry.TypeOverride;
