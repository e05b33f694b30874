@GenerateQueries(migrations = "migrations", queries = "queries", typeOverrides = {
    @TypeOverride(type = "jsonb", converter = SettingsConverter.class),
    @TypeOverride(column = "orders.total", converter = MoneyConverter.class),
    @TypeOverride(column = "orders.refund", converter = MoneyConverter.class)})
package com.example.db;

import dev.quarry.GenerateQueries;
import dev.quarry.TypeOverride;
