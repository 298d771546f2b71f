/** The analysts' sales API: daily sales, sales per product, seller and payment method, and freshness. */
package org.rainbow.serving.sales;
