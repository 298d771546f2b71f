/** Products and their list prices; a price change is a new version for the warehouse's SCD2 history. */
package org.rainbow.api.product;
