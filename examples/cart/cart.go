// Package cart adds up a shopping cart.
package cart

import (
	"errors"
	"sort"
)

// Item is one line of a cart: a product, its unit price in cents and a quantity.
type Item struct {
	SKU      string
	Cents    int64
	Quantity int
}

// Cart is a set of items keyed by SKU.
type Cart struct {
	items map[string]Item
}

// ErrQuantity is returned when an item is added with a quantity below one.
var ErrQuantity = errors.New("cart: quantity must be at least 1")

// Add puts an item in the cart; adding a SKU again adds to its quantity at the new price.
func (c *Cart) Add(item Item) error {
	if item.Quantity < 1 {
		return ErrQuantity
	}
	if c.items == nil {
		c.items = make(map[string]Item)
	}
	if old, ok := c.items[item.SKU]; ok {
		item.Quantity += old.Quantity
	}
	c.items[item.SKU] = item
	return nil
}

// Remove takes a SKU out of the cart.
func (c *Cart) Remove(sku string) { delete(c.items, sku) }

// Total is the price of the whole cart in cents.
func (c *Cart) Total() int64 {
	var total int64
	for _, item := range c.items {
		total += item.Cents * int64(item.Quantity)
	}
	return total
}

// Items lists the cart's items ordered by SKU.
func (c *Cart) Items() []Item {
	items := make([]Item, 0, len(c.items))
	for _, item := range c.items {
		items = append(items, item)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].SKU < items[j].SKU })
	return items
}
