/**
 * Micrometer metrics for generated Quarry repositories: {@link
 * dev.quarry.micrometer.MicrometerQueryListener}, a {@code QueryListener} that keeps a timer per
 * query.
 */
@NullMarked
package dev.quarry.micrometer;

import org.jspecify.annotations.NullMarked;
