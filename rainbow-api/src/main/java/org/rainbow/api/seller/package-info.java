/** Sellers: the shops that list products. */
package org.rainbow.api.seller;
