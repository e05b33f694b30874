/**
 * Support code that Quarry's generated repositories call: where connections come from, how a
 * transaction spans several calls, and conversions of PostgreSQL arrays and intervals.
 */
@NullMarked
package dev.quarry.runtime;

import org.jspecify.annotations.NullMarked;
