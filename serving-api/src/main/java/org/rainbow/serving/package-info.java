/** The serving layer: unified sales views over the batch and speed layers, the analysts' API and dashboard. */
package org.rainbow.serving;
