// Enterprise sheets find an enterprise by its listing (stock) code when the credit code finds none.
CREATE INDEX enterprise_stock_code IF NOT EXISTS FOR (n:Enterprise) ON (n.stockCode);
