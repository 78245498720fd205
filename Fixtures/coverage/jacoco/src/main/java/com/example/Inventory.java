package com.example;

import java.util.HashMap;
import java.util.Map;

/** Stock levels for the check-coverage JaCoCo fixture; partly exercised on purpose. */
public class Inventory {
    private final Map<String, Integer> stock = new HashMap<>();

    public void add(String item, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive");
        }
        stock.merge(item, count, Integer::sum);
    }

    public boolean take(String item, int count) {
        int have = stock.getOrDefault(item, 0);
        if (have < count) {
            return false;
        }
        stock.put(item, have - count);
        return true;
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> entry : stock.entrySet()) {
            out.append(entry.getKey()).append('=').append(entry.getValue()).append('\n');
        }
        return out.toString();
    }

    public static void main(String[] args) {
        Inventory inventory = new Inventory();
        inventory.add("apple", 3);
        if (!inventory.take("apple", 2) || inventory.take("pear", 1)) {
            throw new AssertionError("unexpected stock");
        }
        System.out.println("checks passed");
    }
}
