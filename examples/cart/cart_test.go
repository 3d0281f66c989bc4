package cart

import (
	"errors"
	"fmt"
	"testing"
)

func TestTotal(t *testing.T) {
	var c Cart
	for _, item := range []Item{
		{SKU: "tea", Cents: 450, Quantity: 2},
		{SKU: "mug", Cents: 1200, Quantity: 1},
		{SKU: "tea", Cents: 450, Quantity: 1},
	} {
		if err := c.Add(item); err != nil {
			t.Fatal(err)
		}
	}
	if got := c.Total(); got != 2550 {
		t.Errorf("Total() = %d, want 2550", got)
	}
	c.Remove("mug")
	if got := c.Total(); got != 1350 {
		t.Errorf("Total() after removing the mug = %d, want 1350", got)
	}
}

func TestAddRefusesAnEmptyQuantity(t *testing.T) {
	var c Cart
	if err := c.Add(Item{SKU: "tea", Cents: 450}); !errors.Is(err, ErrQuantity) {
		t.Fatalf("Add with quantity 0 = %v, want ErrQuantity", err)
	}
}

func TestItemsAreSortedBySKU(t *testing.T) {
	var c Cart
	for i := 9999; i >= 0; i-- {
		if err := c.Add(Item{SKU: fmt.Sprintf("sku-%05d", i), Cents: 100, Quantity: 1}); err != nil {
			t.Fatal(err)
		}
	}
	items := c.Items()
	if len(items) != 10000 || items[0].SKU != "sku-00000" || items[9999].SKU != "sku-09999" {
		t.Fatalf("Items() has %d items from %s to %s", len(items), items[0].SKU, items[len(items)-1].SKU)
	}
}
