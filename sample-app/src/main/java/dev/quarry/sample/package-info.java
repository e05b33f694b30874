/**
 * A small blog backend: an HTTP JSON API whose every database call goes through the
 * Quarry-generated repositories in {@link dev.quarry.sample.db}.
 */
@NullMarked
package dev.quarry.sample;

import org.jspecify.annotations.NullMarked;
