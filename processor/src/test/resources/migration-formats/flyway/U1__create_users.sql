DROP TABLE ${schema}.users;
