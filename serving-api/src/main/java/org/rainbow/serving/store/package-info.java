/**
 * The serving store port, the merge rule of batch and speed views (written once, rendered per engine) and the
 * tables batch exports are loaded into; one adapter package per engine.
 */
package org.rainbow.serving.store;
