DROP TABLE "Lease";
