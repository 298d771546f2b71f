/**
 * The traffic generator: seeds realistic master data, backdates order history over past days, then places
 * live orders at a set rate through the same services the REST API uses. Deterministic for a given seed.
 */
package org.rainbow.api.generator;
