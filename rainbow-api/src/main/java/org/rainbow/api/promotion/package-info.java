/** Promotions and the discount rule that turns a list price into the unit price an order line pays. */
package org.rainbow.api.promotion;
