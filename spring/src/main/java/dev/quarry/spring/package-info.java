/**
 * Quarry's generated repositories in Spring applications: {@link
 * dev.quarry.spring.SpringConnectionSource} joins Spring-managed transactions, and {@link
 * dev.quarry.spring.QuarryAutoConfiguration} registers every generated repository as a bean.
 */
@NullMarked
package dev.quarry.spring;

import org.jspecify.annotations.NullMarked;
