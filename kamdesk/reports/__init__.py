"""Reports: figures computed from plain records (forecast), and documents rendered from them."""
