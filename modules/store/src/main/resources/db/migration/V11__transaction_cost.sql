-- The final cost of a transaction at its station's tariff (null: no tariff applied, or not over yet).
ALTER TABLE charging_transaction ADD COLUMN total_cost DECIMAL(19, 4);
ALTER TABLE charging_transaction ADD COLUMN cost_currency VARCHAR(16);
